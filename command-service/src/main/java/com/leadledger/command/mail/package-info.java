/**
 * E-mail to partner contacts and staff mailboxes through SMTP: what is mailed to whom, the record of every message
 * (written in the transaction of its cause, before it is sent), the persistent protection-expiry reminders, and the
 * sender. See docs/notifications.md.
 */
package com.leadledger.command.mail;
