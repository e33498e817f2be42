import type { CheckDefinition } from '../finding.types.js';

const probe = (id: string, version: number, ja: string, en: string, limitsJa: string, limitsEn: string): CheckDefinition => ({
  id,
  source: 'probe',
  version,
  purpose: { ja, en },
  limits: { ja: limitsJa, en: limitsEn },
});

/** The device probes (src/probes): id, version, purpose ja/en, and what a pass does not prove. */
export const PROBE_CHECKS: readonly CheckDefinition[] = [
  probe('service.inventory', 1, '宣言したポートが応答するか、バナーを記録する', 'Whether the declared ports answer, with their banners', '宣言していないポートは調べない', 'Ports not declared in the scope are never looked at'),
  probe('service.cleartext', 1, '平文のプロトコル（telnet、FTP、TLS なしの MQTT、TLS なしの HTTP ログイン画面）がないか', 'No cleartext protocol: telnet, FTP, MQTT without TLS, HTTP login pages without TLS', '宣言したポートのみ', 'Declared ports only'),
  probe('web.https-redirect', 1, 'HTTP へのアクセスが HTTPS へ転送されるか', 'Plain HTTP requests are redirected to HTTPS', '最初のページのみ確認', 'Checked on the first declared page'),
  probe('web.hsts', 1, 'HTTPS の応答に HSTS ヘッダがあるか', 'HTTPS responses carry Strict-Transport-Security', 'ブラウザ以外のクライアントは HSTS を使わない', 'Clients other than browsers ignore HSTS'),
  probe('web.login-over-https', 1, 'パスワード入力フォームが HTTPS で配信・送信されるか', 'Password forms are served and submitted over HTTPS only', '巡回したページのフォームのみ', 'Only forms on the pages visited'),
  probe('web.secrets-in-url', 1, 'パスワードやセッション ID が URL に載らないか（GET のパスワードフォームを含む）', 'No passwords or session ids in URLs, including password forms using GET', '巡回したページのみ', 'Only the pages visited'),
  probe('web.cookie-flags', 1, 'Cookie に Secure（HTTPS）、HttpOnly、SameSite が付いているか', 'Cookies carry Secure (on HTTPS), HttpOnly and SameSite', 'ログイン後に発行される Cookie は見ない', 'Cookies issued only after logging in are not seen'),
  probe('web.security-headers', 1, 'CSP、X-Content-Type-Options、フレーム保護のヘッダがあるか', 'CSP, X-Content-Type-Options and frame protection headers are present', 'CSP の強さは評価しない', 'The strength of the CSP is not judged'),
  probe('web.reflected-input', 1, '無害な目印をパラメータに入れ、エスケープされずに返らないか', 'A harmless random marker sent in query and GET-form parameters does not come back unescaped', '攻撃ペイロードは送らないため、他の文脈の XSS は検出しない', 'No attack payload is sent, so XSS in other contexts is not found'),
  probe('web.unauthenticated-access', 1, '保護すべきパスがログインなしで応答しないか', 'Protected paths do not answer 200 without a session', 'スコープで宣言したパスのみ', 'Only the paths the scope declares'),
  probe('web.default-credentials', 1, '宣言した初期認証情報でログインできないか（試行回数はスコープ以内）', 'The declared factory credentials do not log in (never more attempts than the scope allows)', '宣言した認証情報のみ試す（総当たりはしない）', 'Only the declared credentials are tried; no guessing'),
  probe('tls.protocol-versions', 1, 'TLS 1.0/1.1（検出可能なら SSLv3）を受け付けないか', 'TLS 1.0 and 1.1 (and SSLv3 where detectable) are refused', 'SSLv3 はこのクライアントでは検出できない', 'SSLv3 cannot be detected with this client'),
  probe('tls.certificate', 1, '証明書の期限、自己署名、鍵長、SHA-1 署名、ホスト名の一致', 'Certificate validity period, self-signed, key size, SHA-1 signature, host name match', '失効（CRL/OCSP）は確認しない', 'Revocation (CRL/OCSP) is not checked'),
  probe('tls.cipher-suites', 1, '前方秘匿性のない暗号、CBC のみ、RC4/3DES/輸出用暗号がないか', 'No suites without forward secrecy, not CBC only, no RC4/3DES/export suites', 'クライアントが実装しない暗号（RC4、輸出用、Debian の OpenSSL 3 では 3DES）は検出できない', 'Suites this client does not implement (RC4, export, 3DES in Debian’s OpenSSL 3) cannot be detected'),
  probe('mqtt.anonymous', 1, '認証情報なしの MQTT CONNECT が拒否されるか', 'MQTT CONNECT without credentials is refused', 'MQTT 3.1.1 で確認', 'Checked with MQTT 3.1.1'),
  probe('mqtt.wildcard-subscribe', 1, '「#」と「$SYS/#」の購読が許可されないか（トピック名のみ記録）', 'Subscriptions to "#" and "$SYS/#" are refused (topic names recorded, never payloads)', '公開（publish）は一切しない', 'Nothing is ever published'),
  probe('mqtt.tls', 1, 'MQTT が TLS で保護されているか', 'MQTT is protected by TLS', 'クライアント認証は確認しない', 'Client authentication is not checked'),
  probe('ssh.algorithms', 1, 'SSH の鍵交換・暗号・MAC・ホスト鍵に弱いものがないか（KEXINIT から）', 'No weak SSH key exchange, ciphers, MACs or host key types (from the KEXINIT)', '実装の脆弱性は確認しない', 'Implementation vulnerabilities are not checked'),
  probe('ssh.password-auth', 1, 'SSH でパスワード認証が提示されないか', 'SSH does not offer password authentication', 'ログインは試みない', 'No login is attempted'),
];
