import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n/i18n';
import { type CraMessages, craMessages } from '../i18n/messages-cra';
import type { StageClock } from './cra.types';

/** The CRA messages in the current language. */
export function useCraT(): CraMessages {
  return craMessages[useLanguage().lang];
}

/** A time as "YYYY-MM-DD HH:MM UTC", the same for every reader (deadlines are legal times). */
export function utc(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
}

/** The current time, renewed every 30 s, so that an open page keeps counting down. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Time left to a running deadline, counted live from its due time; overdue stands out. */
export function TimeLeft({ clock }: { clock: StageClock }) {
  const c = useCraT();
  const now = useNow();
  if (clock.leftMs === null || clock.dueAt === null) return <span>{c.state[clock.state]}</span>;
  const left = Date.parse(clock.dueAt) - now;
  const abs = Math.abs(left);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return <span className={left < 0 ? 'cra-overdue' : 'cra-left'}>{left < 0 ? c.over(h, m) : c.left(h, m)}</span>;
}

/** One stage's clock: its deadline, state and time left. */
export function ClockRow({ clock }: { clock: StageClock }) {
  const c = useCraT();
  return (
    <tr className={clock.state === 'overdue' ? 'cra-row-overdue' : undefined} data-stage={clock.stage} data-state={clock.state}>
      <th scope="row">{c.stage[clock.stage]}</th>
      <td>{clock.dueAt ? <time dateTime={clock.dueAt}>{utc(clock.dueAt)}</time> : c.waitingFinal}</td>
      <td>{c.state[clock.state]}</td>
      <td>{clock.sentAt ? c.sentAt(utc(clock.sentAt)) : <TimeLeft clock={clock} />}</td>
    </tr>
  );
}
