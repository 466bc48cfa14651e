package com.leadledger.console.dispute;

/** A document offered as evidence: its name and SHA-256 (the file itself never leaves the user's machine). */
public record Document(String name, String sha256, String link) {
}
