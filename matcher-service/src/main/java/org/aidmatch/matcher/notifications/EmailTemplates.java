package org.aidmatch.matcher.notifications;

import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.notifications.Notification;
import org.aidmatch.contracts.regions.Regions;
import org.aidmatch.service.catalogue.LiveCatalogue;

/**
 * The text of a notification email, in the languages of the portal: {@code notifications/email_<lang>.properties}.
 * One email tells all of an organisation's notifications gathered together: for each, what
 * happened, how much of what, from whom to whom and where; for a proposal also why it was made,
 * the deadline, and the portal page where it is answered.
 */
final class EmailTemplates {

    static final Set<String> LANGUAGES = Set.of("en", "ar");

    private final String portalUrl;
    private final LiveCatalogue catalogue;

    /** A subject and a plain-text body. */
    record Email(String subject, String body) {}

    EmailTemplates(String portalUrl, LiveCatalogue catalogue) {
        this.portalUrl = portalUrl;
        this.catalogue = catalogue;
    }

    Email compose(String organisation, String language, List<Notification> notifications) {
        Locale locale = Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "en");
        ResourceBundle text = ResourceBundle.getBundle("notifications.email", locale);
        StringBuilder body = new StringBuilder();
        body.append(format(text, locale, "greeting", organisation)).append("\n\n");
        body.append(format(text, locale, "intro", notifications.size())).append("\n\n");
        boolean donor = false;
        for (Notification notification : notifications) {
            donor |= describe(body, text, locale, organisation, notification);
            body.append('\n');
        }
        // the view where a donor answers its proposals, or where a requester follows its needs
        body.append(format(text, locale, "link", portalUrl + (donor ? "#donor-view" : "#requester-view")))
                .append("\n\n");
        body.append(text.getString("closing")).append('\n');
        return new Email(format(text, locale, "subject", notifications.size(), organisation), body.toString());
    }

    /** Writes what happened; whether the organisation is the donor of it. */
    private boolean describe(
            StringBuilder body, ResourceBundle text, Locale locale, String organisation, Notification notification) {
        MatchEvent event = notification.event();
        String line;
        if (event instanceof MatchMade made) {
            line = line(
                    text,
                    locale,
                    notification.type(),
                    made.quantity(),
                    made.supplyType(),
                    made.donorOrganization(),
                    made.requesterOrganization(),
                    made.country());
            body.append("• ").append(line).append('\n');
            if (made.reason() != null && made.reason().explanation() != null) {
                body.append("  ")
                        .append(format(text, locale, "why", made.reason().explanation()))
                        .append('\n');
            }
            boolean answersIt = organisation.equals(made.donorOrganization());
            if (answersIt && made.status() == MatchStatus.PROPOSED && made.respondBy() != null) {
                String deadline = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(ZoneOffset.UTC)
                        .format(made.respondBy());
                body.append("  ")
                        .append(format(text, locale, "answerBy", deadline))
                        .append('\n');
            }
            return answersIt;
        } else if (event instanceof MatchStatusChanged changed) {
            line = line(
                    text,
                    locale,
                    notification.type(),
                    changed.quantity(),
                    changed.supplyType(),
                    changed.donorOrganization(),
                    changed.requesterOrganization(),
                    changed.country());
            body.append("• ").append(line).append('\n');
            String why = changed.reason() == null
                    ? null
                    : changed.reason().name()
                            + (changed.note() == null || changed.note().isBlank() ? "" : ": " + changed.note());
            if (why != null) {
                body.append("  ").append(format(text, locale, "why", why)).append('\n');
            }
            return organisation.equals(changed.donorOrganization());
        }
        return false;
    }

    private String line(
            ResourceBundle text,
            Locale locale,
            String type,
            long quantity,
            String supplyType,
            String donor,
            String requester,
            String country) {
        String unit = catalogue.find(supplyType).map(SupplyType::unit).orElse("");
        return format(
                text,
                locale,
                type,
                quantity,
                unit,
                catalogue.nameOf(supplyType),
                donor,
                requester,
                Regions.displayName(country, locale));
    }

    private static String format(ResourceBundle text, Locale locale, String key, Object... arguments) {
        return new MessageFormat(text.getString(key), locale).format(arguments);
    }
}
