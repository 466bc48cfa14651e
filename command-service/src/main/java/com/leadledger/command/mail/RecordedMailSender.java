package com.leadledger.command.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the recorded messages through SMTP every {@link MailProperties#sendInterval()} on one daemon thread: claims a
 * batch (committed), sends each, marks it {@code SENT} or {@code FAILED} with the SMTP outcome. A message is never
 * sent again after its claim: at most once (docs/notifications.md).
 */
@Component
@ConditionalOnProperty(value = "leadledger.mail.enabled", havingValue = "true")
class RecordedMailSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordedMailSender.class);

    private final MailOutbox outbox;
    private final JavaMailSender smtp;
    private final MailProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    RecordedMailSender(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp.getIfAvailable();
        if (this.smtp == null) {
            throw new IllegalStateException("leadledger.mail.enabled is true but no SMTP server is configured "
                    + "(spring.mail.host, LEADLEDGER_SMTP_HOST)");
        }
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.sendInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sendRecorded, interval, interval, TimeUnit.MILLISECONDS);
    }

    void sendRecorded() {
        try {
            for (MailOutbox.Claimed message : outbox.claim(properties.batchSize())) {
                send(message);
            }
        } catch (RuntimeException e) {
            log.warn("sending recorded e-mail failed: {}", e.toString());
        }
    }

    private void send(MailOutbox.Claimed message) {
        try {
            MimeMessage mime = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            smtp.send(mime);
            outbox.markSent(message.id(), clock.instant(), "accepted by the SMTP server");
        } catch (MessagingException | MailException e) {
            log.warn("e-mail {} to {} was not accepted: {}", message.id(), message.recipient(), e.toString());
            outbox.markFailed(message.id(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
