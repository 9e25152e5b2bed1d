package dev.detour.notifications.email;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/** Sends through the SMTP server of {@link EmailSettings}, with STARTTLS when the server offers it. */
public final class SmtpMailSender implements MailSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Session session;
    private final InternetAddress from;

    public SmtpMailSender(EmailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host().orElseThrow());
        properties.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        properties.put("mail.smtp.starttls.enable", "true");
        String timeout = String.valueOf(TIMEOUT.toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        Authenticator login = null;
        if (settings.username() != null && !settings.username().isBlank()) {
            properties.put("mail.smtp.auth", "true");
            String user = settings.username();
            String password = settings.password() == null ? "" : settings.password();
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, login);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("detour.email.from is not an email address: " + settings.from(), e);
        }
    }

    @Override
    public MailResult send(Email email) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to().value(), true));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setText(email.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (email.unsubscribe().isPresent()) {
                // RFC 8058: mail clients show an unsubscribe button that POSTs "List-Unsubscribe=One-Click" here.
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribe().get() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
            return new MailResult.Sent();
        } catch (SMTPAddressFailedException | SMTPSendFailedException refused) {
            int code = refused instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : ((SMTPSendFailedException) refused).getReturnCode();
            return code >= 500 ? new MailResult.Failed(code + " " + refused.getMessage().strip())
                    : new MailResult.Retry(code + " " + refused.getMessage().strip());
        } catch (SendFailedException refused) {
            return new MailResult.Failed(String.valueOf(refused.getMessage()).strip());
        } catch (MessagingException | RuntimeException e) {
            return new MailResult.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
