package org.aidmatch.matcher.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.matching.Balance;
import org.aidmatch.matching.BookEntry;
import org.aidmatch.matching.Side;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The book store's format for requests and offers: a version byte and the entry's fields in a fixed order, enums by name. Entries are
 * written to the store and its changelog on every change, so a compact binary form instead of JSON
 * spares the matcher much of its serialization work. Stores written as JSON by earlier versions
 * (their first byte is '{') are still read.
 */
public final class BookEntrySerde implements Serde<BookEntry>, Serializer<BookEntry>, Deserializer<BookEntry> {

    private static final byte VERSION_1 = 1;
    /** Adds the closing time, for the closed-id horizon. */
    private static final byte VERSION_2 = 2;
    /**
     * Adds the balance, auto-accept, partners and whether the entry is settled, for the match
     * lifecycle. Earlier entries were written by a matcher without one: what they matched counts
     * as delivered, and a closed one is settled.
     */
    private static final byte VERSION_3 = 3;

    private static final byte JSON_START = '{';

    /** The entry as the JSON-writing matcher stored it. */
    private record JsonEntry(
            Side side,
            String id,
            String organization,
            String supplyType,
            long quantity,
            long remaining,
            String country,
            List<String> serviceArea,
            Urgency urgency,
            LocalDate lastDay,
            long sequence,
            Instant postedAt,
            CloseReason closedAs) {}

    private final EventSerde<JsonEntry> json = new EventSerde<>(JsonEntry.class);

    @Override
    public byte[] serialize(String topic, BookEntry entry) {
        if (entry == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION_3);
            out.writeUTF(entry.side().name());
            writeNullable(out, entry.id());
            writeNullable(out, entry.organization());
            writeNullable(out, entry.supplyType());
            out.writeLong(entry.quantity());
            Balance balance = entry.balance();
            out.writeLong(balance.open());
            out.writeLong(balance.proposed());
            out.writeLong(balance.accepted());
            out.writeLong(balance.dispatched());
            out.writeLong(balance.delivered());
            out.writeLong(balance.closed());
            writeNullable(out, entry.country());
            out.writeShort(entry.serviceArea().size());
            for (String code : entry.serviceArea()) {
                out.writeUTF(code);
            }
            writeNullable(out, entry.urgency() == null ? null : entry.urgency().name());
            out.writeBoolean(entry.lastDay() != null);
            if (entry.lastDay() != null) {
                out.writeLong(entry.lastDay().toEpochDay());
            }
            out.writeLong(entry.sequence());
            out.writeBoolean(entry.postedAt() != null);
            if (entry.postedAt() != null) {
                out.writeLong(entry.postedAt().getEpochSecond());
                out.writeInt(entry.postedAt().getNano());
            }
            writeNullable(
                    out, entry.closedAs() == null ? null : entry.closedAs().name());
            writeInstant(out, entry.closedAt());
            out.writeBoolean(entry.autoAccept());
            out.writeInt(entry.partners().size());
            for (String partner : entry.partners()) {
                out.writeUTF(partner);
            }
            out.writeBoolean(entry.settled());
        } catch (IOException e) {
            throw new SerializationException("cannot write book entry " + entry.id(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public BookEntry deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            JsonEntry old = json.deserialize(topic, data);
            return new BookEntry(
                    old.side(),
                    old.id(),
                    old.organization(),
                    old.supplyType(),
                    old.quantity(),
                    olderBalance(old.quantity(), old.remaining()),
                    old.country(),
                    old.serviceArea(),
                    old.urgency(),
                    old.lastDay(),
                    old.sequence(),
                    old.postedAt(),
                    false,
                    List.of(),
                    old.closedAs(),
                    null,
                    old.closedAs() != null);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION_1 && version != VERSION_2 && version != VERSION_3) {
                throw new SerializationException("unknown book entry format " + version + " in " + topic);
            }
            Side side = Side.valueOf(in.readUTF());
            String id = readNullable(in);
            String organization = readNullable(in);
            String supplyType = readNullable(in);
            long quantity = in.readLong();
            Balance balance = version == VERSION_3
                    ? new Balance(
                            in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong())
                    : olderBalance(quantity, in.readLong());
            String country = readNullable(in);
            int areas = in.readShort();
            List<String> serviceArea = new ArrayList<>(areas);
            for (int i = 0; i < areas; i++) {
                serviceArea.add(in.readUTF());
            }
            String urgency = readNullable(in);
            LocalDate lastDay = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
            long sequence = in.readLong();
            Instant postedAt = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            String closedAs = readNullable(in);
            Instant closedAt = version == VERSION_1 ? null : readInstant(in);
            boolean autoAccept = false;
            List<String> partners = new ArrayList<>();
            boolean settled = closedAs != null;
            if (version == VERSION_3) {
                autoAccept = in.readBoolean();
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    partners.add(in.readUTF());
                }
                settled = in.readBoolean();
            }
            return new BookEntry(
                    side,
                    id,
                    organization,
                    supplyType,
                    quantity,
                    balance,
                    country,
                    serviceArea,
                    urgency == null ? null : Urgency.valueOf(urgency),
                    lastDay,
                    sequence,
                    postedAt,
                    autoAccept,
                    partners,
                    closedAs == null ? null : CloseReason.valueOf(closedAs),
                    closedAt,
                    settled);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("cannot read a book entry from " + topic, e);
        }
    }

    /** Before the lifecycle, a match was the end of the story: what was matched counts as delivered. */
    private static Balance olderBalance(long quantity, long remaining) {
        return new Balance(remaining, 0, 0, 0, quantity - remaining, 0);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    @Override
    public Serializer<BookEntry> serializer() {
        return this;
    }

    @Override
    public Deserializer<BookEntry> deserializer() {
        return this;
    }
}
