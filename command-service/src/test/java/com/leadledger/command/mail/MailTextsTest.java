package com.leadledger.command.mail;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextsTest {

    @Test
    void bothLanguagesHaveExactlyTheSameKeysAndEveryKindHasASubjectAndABody() throws IOException {
        Properties english = bundle("mail/messages.properties");
        Properties russian = bundle("mail/messages_ru.properties");

        assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        List<String> needed = new ArrayList<>(List.of("mail.outcome.UPHELD", "mail.outcome.DISMISSED"));
        for (MailKind kind : MailKind.values()) {
            needed.add(kind.subjectKey());
            needed.add(kind.bodyKey());
        }
        assertThat(english.stringPropertyNames()).containsAll(needed);
        for (String key : needed) {
            assertThat(russian.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
        }
    }

    @Test
    void aLetterIsWrittenInTheRecipientsLanguageWithItsArguments() {
        MailTexts texts = new MailTexts();

        Letter english = texts.letter(MailKind.PROTECTION_EXPIRING, "en", "R-1", "2027-01-12 10:00 (Europe/Moscow)", 10);
        Letter russian = texts.letter(MailKind.PROTECTION_EXPIRING, "ru", "R-1", "2027-01-12 10:00 (Europe/Moscow)", 10);

        assertThat(english.subject()).isEqualTo("Lead Ledger: protection of registration R-1 ends in 10 business days");
        assertThat(russian.subject()).isEqualTo("Lead Ledger: защита регистрации R-1 заканчивается через 10 рабочих дн.");
        assertThat(russian.body()).contains("2027-01-12 10:00 (Europe/Moscow)").doesNotContain("{");
        assertThat(texts.word("mail.outcome.DISMISSED", "ru")).isEqualTo("жалоба отклонена");
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
