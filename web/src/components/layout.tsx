import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { seesAssessments } from '../assessment/roles';
import { useEdition } from '../edition/edition';
import { useLanguage, useLocalize, useT } from '../i18n/i18n';
import { LANGS, type Lang } from '../i18n/messages';
import { isTriager } from './proposals/proposal-status';
import { useReviewT } from '../i18n/messages-review';
import { Link, navigate, useLocation } from '../router/router';
import { useSession } from '../session/session';
import { adminLinks, InboxLink } from '../admin/header-links';
import { useAdminT } from '../admin/use-admin-t';
import { craMessages } from '../i18n/messages-cra';
import { SearchBox } from './search-box';
import { useLoginHref } from './status';
import './nav-group.css';

/** Each language is named in itself, so anyone can find their own. */
const LANGUAGE_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLanguage();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t.language}</legend>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          className={lang === option ? 'lang-option is-active' : 'lang-option'}
          onClick={() => setLang(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}

function UserMenu() {
  const t = useT();
  const a = useAdminT();
  const session = useSession();
  const loginHref = useLoginHref();
  const { pathname } = useLocation();
  const { busy, run } = useMutation();

  if (session.status === 'loading') return null;
  if (!session.user) {
    if (pathname === '/login') return null;
    return (
      <Link className="button button-ghost" to={loginHref}>
        {t.login}
      </Link>
    );
  }

  const logout = async () => {
    const done = await run(async () => {
      await session.logout();
      return true;
    });
    if (done) navigate('/login', { state: { notice: 'loggedOut' } });
  };

  const label = (
    <span className="user-identity">
      <span className="visually-hidden">{t.currentUser}: </span>
      <span className="user-name">{session.user.displayName}</span>
      <span className="user-role">{t.roles[session.user.role]}</span>
    </span>
  );
  return (
    <div className="user-menu">
      <InboxLink />
      <HeaderMenu label={label} className="user-group" current={pathname === '/account'}>
        <li>
          <Link to="/account" aria-current={pathname === '/account' ? 'page' : undefined}>
            {a.navAccount}
          </Link>
        </li>
        <li>
          <button type="button" className="header-menu-button" onClick={logout} disabled={busy}>
            {busy ? t.loggingOut : t.logout}
          </button>
        </li>
      </HeaderMenu>
    </div>
  );
}

interface NavLink {
  to: string;
  label: string;
}

/**
 * A small menu of the header (a native disclosure: keyboard and screen readers
 * work without script). It closes after navigating, and when focus or a click
 * goes elsewhere. Grouping keeps the header on one row at laptop widths.
 */
function HeaderMenu({ label, className, current, children }: { label: ReactNode; className: string; current: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  // The page the menu was opened on: the address changes before the new page renders, and
  // a menu opened in between (a quick hand, a slow machine) belongs to the new page.
  const openedOn = useRef<string | null>(null);
  // Close after navigating away from where it was opened.
  useEffect(() => {
    if (ref.current?.open && openedOn.current !== pathname) ref.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const close = (event: Event) => {
      const target = event.target as Node;
      if (event.type === 'click' && ref.current?.querySelector(':scope > summary')?.contains(target)) openedOn.current = window.location.pathname;
      if (ref.current?.open && !ref.current.contains(target)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('focusin', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('focusin', close);
    };
  }, []);
  return (
    <details ref={ref} className={`nav-group ${className}${current ? ' is-current' : ''}`}>
      <summary>{label}</summary>
      <ul>{children}</ul>
    </details>
  );
}

/** Links that share one header entry. */
function NavGroup({ label, links, pathname, all }: { label: string; links: NavLink[]; pathname: string; all: readonly NavLink[] }) {
  return (
    <HeaderMenu label={label} className="nav-links" current={links.some((link) => isCurrent(pathname, link.to, all))}>
      {links.map((link) => (
        <li key={link.to}>
          <Link to={link.to} aria-current={isCurrent(pathname, link.to, all) ? 'page' : undefined}>
            {link.label}
          </Link>
        </li>
      ))}
    </HeaderMenu>
  );
}

/** Links to the main sections for logged-in users; each section adds its entry here. */
function MainNav({ id, open }: { id: string; open: boolean }) {
  const t = useT();
  const a = useAdminT();
  const r = useReviewT();
  const { lang } = useLanguage();
  const session = useSession();
  const { pathname } = useLocation();
  // Reading links show to everyone: with anonymous read on, visitors browse too
  // (without it, each page asks them to log in).
  const user = session.user;
  const editor = isTriager(user);
  const links: NavLink[] = [
    { to: '/requirements', label: t.browse.navRequirements },
    { to: '/standards', label: t.browse.navStandards },
    { to: '/coverage', label: t.coverage.nav },
    { to: '/editions', label: r.compare.editions },
    { to: '/glossary', label: t.browse.navGlossary },
    ...(user ? [{ to: '/proposals', label: t.proposals.nav }] : []),
    ...(editor ? [{ to: '/editor', label: t.editor.nav }] : []),
  ];
  // Assessments and checksheets share one entry when both show.
  const assessmentLinks: NavLink[] = [
    ...(seesAssessments(user) ? [{ to: '/assessments', label: t.assessments.navList }] : []),
    ...(user ? [{ to: '/checksheets', label: t.checksheets.nav }] : []),
    ...(seesAssessments(user) ? [{ to: '/cra', label: craMessages[lang].nav }] : []),
  ];
  const admin = adminLinks(user, a);
  const all = [...links, ...assessmentLinks, ...admin];
  const grouped = assessmentLinks.length > 1;
  return (
    <nav id={id} className={open ? 'main-nav is-open' : 'main-nav'} aria-label={t.mainNavigation}>
      <ul>
        {(grouped ? links : all).map((link) => (
          <li key={link.to}>
            <Link to={link.to} aria-current={isCurrent(pathname, link.to, all) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
        {grouped ? (
          <li>
            <NavGroup label={t.assessments.nav} links={assessmentLinks} pathname={pathname} all={all} />
          </li>
        ) : null}
        {admin.length > 0 ? (
          <li>
            <NavGroup label={a.navAdmin} links={admin} pathname={pathname} all={all} />
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A link is current for its path and paths below it, unless a longer link claims them. */
function isCurrent(pathname: string, to: string, links: readonly { to: string }[]): boolean {
  const under = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  return under(to) && !links.some((l) => l.to.length > to.length && l.to.startsWith(to) && under(l.to));
}

/** The frame of every page: header with product, edition, language and user. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const localize = useLocalize();
  const { current } = useEdition();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // On a phone the sections sit behind a menu button; it closes on every change of page.
  const [menuOpen, setMenuOpen] = useState(false);

  // After in-app navigation, start at the top and move focus to the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <div className="brand-block">
            <Link to="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              <span className="brand-name" lang="ja">
                {t.appName}
              </span>
              <span className="brand-latin" lang="en">
                {t.appNameLatin}
              </span>
            </Link>
            {current ? (
              <p className="edition-title" title={localize(current.title)}>
                <span className="edition-label">{t.edition}</span>
                <span className="edition-name">{localize(current.title)}</span>
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="nav-toggle button button-ghost"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg className="menu-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M2 4h12M2 8h12M2 12h12" />
            </svg>
            {t.menu}
          </button>
          <MainNav id="main-nav" open={menuOpen} />
          <div className="header-tools">
            <SearchBox />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {children}
      </main>
    </>
  );
}
