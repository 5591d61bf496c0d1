package org.aidmatch.matcher.notifications;

import java.time.Duration;
import java.util.List;
import org.aidmatch.contracts.notifications.Notification;

/** A way of telling an organisation: its webhook, or its contact address. */
interface Channel {

    /** "webhook" or "email": the metrics' and the delivery log's name for it. */
    String name();

    /** Whether the organisation wants this notification by this channel. */
    boolean wants(Notification notification);

    /** How long to gather an organisation's notifications into one sending; zero sends each alone. */
    Duration gatherFor();

    /** The most notifications one sending carries. */
    int mostPerSending();

    /** Sends the notifications, all of one organisation, oldest first. */
    Answer send(String organisation, List<Notification> notifications, int attempt);

    /**
     * How one sending went.
     *
     * @param status the receiver's status (HTTP) or 0
     * @param permanent whether trying again cannot help
     */
    record Answer(int status, String error, boolean delivered, boolean permanent) {
        static final Answer NOT_WANTED = new Answer(0, null, true, false);
    }
}
