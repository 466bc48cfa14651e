package com.leadledger.command.mail;

/** A message's text in its recipient's language. */
record Letter(String subject, String body) {
}
