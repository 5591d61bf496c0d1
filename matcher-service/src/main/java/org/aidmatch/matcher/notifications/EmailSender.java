package org.aidmatch.matcher.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aidmatch.contracts.notifications.EmailPreferences;
import org.aidmatch.contracts.notifications.Notification;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.service.directory.Directory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Emails an organisation's notifications to its contact address in the directory, those it chose
 * (what asks for its action, unless it chose otherwise), gathered for {@code gather-for} into one
 * message in its language, through any SMTP server ({@code spring.mail.*}). An organisation known
 * only from the keys file has no contact address and gets no email.
 */
final class EmailSender implements Channel {

    private final JavaMailSender mail;
    private final Directory directory;
    private final WebhookDirectory settings;
    private final EmailTemplates templates;
    private final String from;
    private final Duration gatherFor;

    EmailSender(
            JavaMailSender mail,
            Directory directory,
            WebhookDirectory settings,
            EmailTemplates templates,
            String from,
            Duration gatherFor) {
        this.mail = mail;
        this.directory = directory;
        this.settings = settings;
        this.templates = templates;
        this.from = from;
        this.gatherFor = gatherFor;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean wants(Notification notification) {
        return address(notification.organisation()).isPresent()
                && settings.email(notification.organisation()).events().contains(notification.type());
    }

    @Override
    public Duration gatherFor() {
        return gatherFor;
    }

    @Override
    public int mostPerSending() {
        return 100;
    }

    @Override
    public Answer send(String organisation, List<Notification> notifications, int attempt) {
        Optional<String> to = address(organisation);
        if (to.isEmpty()) {
            return Answer.NOT_WANTED;
        }
        EmailPreferences preferences = settings.email(organisation);
        EmailTemplates.Email email = templates.compose(organisation, preferences.language(), notifications);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(InternetAddress.parse(from)[0]);
            helper.setTo(new InternetAddress(to.get(), organisation, "UTF-8"));
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            message.setHeader("Content-Language", preferences.language());
            message.setHeader(
                    "X-AidMatch-Event-Ids",
                    String.join(
                            " ", notifications.stream().map(Notification::id).toList()));
            mail.send(message);
            return new Answer(0, null, true, false);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Answer(0, "the message could not be made: " + e.getMessage(), false, true);
        } catch (MailException e) {
            return new Answer(0, e.getClass().getSimpleName() + ": " + e.getMessage(), false, false);
        }
    }

    private Optional<String> address(String organisation) {
        return directory
                .organisation(organisation)
                .map(Organisation::contactEmail)
                .filter(address -> !address.isBlank());
    }
}
