import { useLanguage } from '../i18n/i18n';
import { type AdminMessages, adminMessages } from '../i18n/messages-admin';

/** The administration messages in the current language. */
export function useAdminT(): AdminMessages {
  return adminMessages[useLanguage().lang];
}
