package com.leadledger.console.dispute;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's English timeline sentences, worded again from the console's bundles in Russian and in English. */
class TimelineSummaryTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final ResourceBundleMessageSource messages = bundles();

    @Test
    void everySentenceTheApiWordsIsShownInRussian() {
        assertThat(ru("OPENED", "Dispute of type PRICE_DUMPING opened at level 1."))
                .isEqualTo("Открыт спор типа «Демпинг» на уровне 1.");
        assertThat(ru("EVIDENCE_ADDED", "Evidence added (2 documents).")).isEqualTo("Добавлены доказательства (документов: 2).");
        assertThat(ru("EVIDENCE_ADDED", "Evidence added (1 document).")).isEqualTo("Добавлены доказательства (документов: 1).");
        assertThat(ru("RESPONDENT_LINKED", "Staff linked the respondent.")).isEqualTo("Сотрудник указал ответчика.");
        assertThat(ru("ASSIGNED", "Assigned to a decider of level 2.")).isEqualTo("Назначен принимающему решение уровня 2.");
        assertThat(ru("ESCALATED", "Escalated automatically from level 1 to level 2: the SLA of level 1 passed without "
                + "a ruling.")).isEqualTo("Автоматически передан с уровня 1 на уровень 2: срок уровня 1 истёк без решения.");
        assertThat(ru("ESCALATED", "Escalated from level 2 to level 3 on request."))
                .isEqualTo("Передан с уровня 2 на уровень 3 по запросу.");
        assertThat(ru("RULED", "Ruled UPHELD at level 1.")).isEqualTo("Решение на уровне 1: Жалоба удовлетворена.");
        assertThat(ru("RULED", "Appeal decided: DISMISSED at level 2."))
                .isEqualTo("Апелляция рассмотрена на уровне 2: Жалоба отклонена.");
        assertThat(ru("APPEALED", "A party appealed; the appeal is heard at level 2."))
                .isEqualTo("Сторона подала апелляцию; её рассмотрят на уровне 2.");
        assertThat(ru("RULING_RECORDED", "The ruling was recorded on the opportunity."))
                .isEqualTo("Решение записано в возможность.");
        assertThat(ru("RULING_RECORDED", "The ruling was recorded on the opportunity, naming the rightful registration."))
                .isEqualTo("Решение записано в возможность с указанием законной регистрации.");
        assertThat(ru("PROTECTION_REVOKED", "The respondent's registration lost its protection."))
                .isEqualTo("Регистрация ответчика лишена защиты.");
        assertThat(ru("PROTECTION_RESTORED", "The revocation of the respondent's protection was reversed."))
                .isEqualTo("Лишение защиты регистрации ответчика отменено.");
        assertThat(ru("PENALTY_APPLIED", "The respondent received 10 penalty points."))
                .isEqualTo("Ответчику начислено штрафных баллов: 10.");
        assertThat(ru("PENALTY_REVERSED", "The respondent's 10 penalty points were reversed."))
                .isEqualTo("Штрафные баллы ответчика отменены: 10.");
        assertThat(ru("SUPPORT_MOVED", "Vendor support moved citing this dispute's ruling."))
                .isEqualTo("Поддержка вендора перенесена со ссылкой на решение по этому спору.");
        assertThat(ru("REGISTRATION_APPROVED", "A registration was approved citing this dispute's ruling."))
                .isEqualTo("Регистрация одобрена со ссылкой на решение по этому спору.");
    }

    @Test
    void inEnglishTheSentencesReadAsTheApiWordsThemWithTheNamesOfTypesAndOutcomes() {
        assertThat(en("OPENED", "Dispute of type PRICE_DUMPING opened at level 1."))
                .isEqualTo("Dispute of type Price dumping opened at level 1.");
        assertThat(en("EVIDENCE_ADDED", "Evidence added (1 document).")).isEqualTo("Evidence added (one document).");
        assertThat(en("EVIDENCE_ADDED", "Evidence added (3 documents).")).isEqualTo("Evidence added (3 documents).");
        assertThat(en("RULED", "Ruled UPHELD at level 1.")).isEqualTo("Ruled at level 1: Upheld.");
        assertThat(en("PROTECTION_REVOKED", "The respondent's registration lost its protection."))
                .isEqualTo("The respondent's registration lost its protection.");
        assertThat(en("PENALTY_REVERSED", "The respondent's 4 penalty points were reversed."))
                .isEqualTo("The respondent's 4 penalty points were reversed.");
        assertThat(en("ESCALATED", "Escalated automatically from level 2 to level 3: the SLA of level 2 passed without "
                + "a ruling.")).isEqualTo("Escalated automatically from level 2 to level 3: the SLA of level 2 passed "
                + "without a ruling.");
    }

    @Test
    void aSentenceTheConsoleDoesNotKnowIsShownAsTheApiGaveIt() {
        assertThat(ru("SOMETHING_NEW", "Something new happened.")).isEqualTo("Something new happened.");
        assertThat(ru("RULED", "Ruled in some new way.")).as("a known kind, an unknown sentence")
                .isEqualTo("Ruled in some new way.");
        assertThat(ru("OPENED", null)).isEmpty();
    }

    private String ru(String kind, String summary) {
        return TimelineSummary.of(kind, summary, messages, RU);
    }

    private String en(String kind, String summary) {
        return TimelineSummary.of(kind, summary, messages, Locale.ENGLISH);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
