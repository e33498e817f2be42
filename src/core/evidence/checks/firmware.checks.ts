import type { CheckDefinition } from '../finding.types.js';

/** The firmware checks, run on an unpacked image by src/firmware (ids are stable; content/checks/firmware.yaml links them). */
export const FIRMWARE_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'fw.accounts',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: '/etc/passwd と /etc/shadow に空のパスワード、余分な uid 0、サービスアカウントのログインシェル、弱いハッシュ、既定・よくあるパスワードがないこと',
      en: 'No empty passwords, extra uid 0 accounts, login shells on service accounts, weak hash types or default/common passwords in /etc/passwd and /etc/shadow',
    },
    limits: {
      ja: '申告された既定値と短い一覧だけを照合します（総当たりはしません）。DES ハッシュは弱いものとして報告し、照合はしません。',
      en: 'Only the declared defaults and a short list are tried (never an open-ended crack). DES hashes are reported as weak, not matched.',
    },
  },
  {
    id: 'fw.private-keys',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: 'イメージに秘密鍵（PEM・OpenSSH）がなく、証明書が有効期限内で十分な鍵長であること',
      en: 'No private keys (PEM, OpenSSH) in the image; certificates unexpired and with a sufficient key size',
    },
    limits: {
      ja: 'テキスト形式の鍵と証明書を探します。DER や独自形式、暗号化されたコンテナの中は見えません。',
      en: 'Finds keys and certificates in text form; DER, vendor formats and encrypted containers are not seen.',
    },
  },
  {
    id: 'fw.hardcoded-secrets',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: '設定ファイルやスクリプトにパスワード・API キー・トークンが書き込まれていないこと',
      en: 'No passwords, API keys or tokens written into configuration files and scripts',
    },
    limits: {
      ja: '既知の書式によるパターン照合です。バイナリに埋め込まれた秘密や難読化されたものは見つかりません。',
      en: 'Pattern matching of known shapes; secrets compiled into binaries or obfuscated are not found.',
    },
  },
  {
    id: 'fw.boot-services',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: 'inittab、rc スクリプト、init.d、procd、systemd から telnetd・FTP・TFTP・デバッグシェルが起動されないこと',
      en: 'No telnetd, FTP, TFTP or debug shell started from inittab, rc scripts, init.d, procd or systemd units',
    },
    limits: {
      ja: '起動設定の静的な読み取りです。実行時に条件付きで起動されるものは見えないことがあります。',
      en: 'A static reading of boot configuration; services started conditionally at run time may be missed.',
    },
  },
  {
    id: 'fw.elf-hardening',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: 'すべての ELF 実行ファイルと共有ライブラリが NX、PIE、RELRO、スタックカナリアで堅牢化され、RPATH がないこと',
      en: 'Every ELF executable and shared library hardened with NX, PIE, RELRO and a stack canary, without RPATH',
    },
    limits: {
      ja: 'Debian の checksec と同じ基準です。静的リンクでシンボルのないバイナリのカナリアは判定できません。FORTIFY は報告のみです。',
      en: "Decided as Debian's checksec decides; a canary in a stripped static binary cannot be seen. FORTIFY is reported, not required.",
    },
  },
  {
    id: 'fw.permissions',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: '誰でも書き込めるファイル、setuid/setgid バイナリ、root 以外が所有する起動スクリプトがないこと',
      en: 'No world-writable files, setuid/setgid binaries or init scripts not owned by root',
    },
  },
  {
    id: 'fw.components',
    source: 'firmware',
    version: 1,
    purpose: {
      ja: 'イメージの構成要素（opkg・dpkg・apk のパッケージと主要コンポーネントの版）が特定でき、SBOM にできること',
      en: "The image's components (opkg, dpkg and apk packages, versions of well-known components) can be identified into an SBOM",
    },
    limits: {
      ja: 'パッケージデータベースと既知の版文字列から導いた一覧です。静的に組み込まれたライブラリは漏れることがあります。',
      en: 'Derived from package databases and known version strings; statically linked libraries may be missed.',
    },
  },
];
