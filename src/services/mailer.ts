import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../config/config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** One pooled transport per SMTP URL, made on first use. */
const transports = new Map<string, Transporter>();

function transportFor(mail: MailConfig): Transporter {
  let transport = transports.get(mail.smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(mail.smtpUrl);
    transports.set(mail.smtpUrl, transport);
  }
  return transport;
}

/** Sends one plain-text mail through the configured SMTP server. */
export async function sendMail(mail: MailConfig, message: OutgoingMail): Promise<void> {
  await transportFor(mail).sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text });
}
