package org.aidmatch.service.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aidmatch.contracts.organisations.Role;
import org.springframework.core.io.Resource;

/**
 * API keys and whom they stand for, read from a CSV file with the header
 * {@code key_sha256,organization,roles}; roles are separated by {@code |}. Only the SHA-256 hex
 * digest of each key is stored, so the file itself grants nothing to whoever reads it.
 */
public final class ApiKeys {

    private static final String HEADER = "key_sha256,organization,roles";

    private final Map<String, Caller> byDigest;

    private ApiKeys(Map<String, Caller> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    public static ApiKeys none() {
        return new ApiKeys(Map.of());
    }

    public static ApiKeys load(Resource csv) {
        Map<String, Caller> byDigest = new HashMap<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(csv + ": the first line must be '" + HEADER + "'");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 3 || !fields[0].strip().matches("[0-9a-fA-F]{64}") || fields[1].isBlank()) {
                    throw new IllegalArgumentException(
                            csv + " line " + number + ": expected a 64-digit hex digest, an organisation and roles");
                }
                byDigest.put(
                        fields[0].strip().toLowerCase(Locale.ROOT),
                        new Caller(fields[1].strip(), roles(fields[2], csv, number)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API keys from " + csv, e);
        }
        return new ApiKeys(byDigest);
    }

    public Optional<Caller> find(String key) {
        return key == null || key.isBlank() ? Optional.empty() : findByDigest(sha256(key));
    }

    public Optional<Caller> findByDigest(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    /** The organisations the file names, so that the directory does not register another by the same name. */
    public Set<String> organisations() {
        Set<String> names = new TreeSet<>();
        byDigest.values().forEach(caller -> names.add(caller.organization()));
        return names;
    }

    public int size() {
        return byDigest.size();
    }

    public static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Set<Role> roles(String field, Resource csv, int number) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : field.split("\\|")) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(csv + " line " + number + ": unknown role '" + name.strip() + "'");
            }
        }
        return roles;
    }
}
