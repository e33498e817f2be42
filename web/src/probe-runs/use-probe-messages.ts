import { useLanguage } from '../i18n/i18n';
import { type ProbeRunMessages, probeRunMessages } from '../i18n/messages-probe-runs';

/** The probe runs messages in the current language. */
export function useProbeMessages(): ProbeRunMessages {
  return probeRunMessages[useLanguage().lang];
}
