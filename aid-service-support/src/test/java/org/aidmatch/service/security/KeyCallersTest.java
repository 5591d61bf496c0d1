package org.aidmatch.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidmatch.contracts.organisations.ApiKey;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.organisations.OrganisationDecision;
import org.aidmatch.contracts.organisations.OrganisationDecision.Step;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.aidmatch.contracts.organisations.OrganisationType;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.onboarding.NewKey;
import org.aidmatch.service.security.KeyCallers.Known;
import org.aidmatch.service.security.KeyCallers.NotReady;
import org.aidmatch.service.security.KeyCallers.Refused;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class KeyCallersTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String FILE_KEY = "file-coordinator-key";

    private final Directory directory = new Directory();
    private final List<String> used = new java.util.ArrayList<>();
    private final List<Runnable> arriving = new java.util.ArrayList<>();
    private final AtomicBoolean loaded = new AtomicBoolean(true);
    private final KeyCallers keys = new KeyCallers(
            ApiKeys.load(new ByteArrayResource(
                    ("key_sha256,organization,roles\n" + ApiKeys.sha256(FILE_KEY) + ",Desk,COORDINATOR\n")
                            .getBytes(StandardCharsets.UTF_8))),
            directory,
            loaded::get,
            () -> arriving.forEach(Runnable::run),
            (keyId, at) -> used.add(keyId));

    @Test
    void a_directory_key_stands_for_its_active_organisation_with_its_roles_and_admin_flag() {
        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.ACTIVE, 2));
        NewKey made = issue("Kenya Red Cross", true);

        Caller caller = known(made.key());

        assertThat(caller.organization()).isEqualTo("Kenya Red Cross");
        assertThat(caller.roles()).containsExactly(Role.DONOR);
        assertThat(caller.keyAdmin()).isTrue();
        assertThat(caller.keyId()).isEqualTo(made.keyId());
        assertThat(caller.mayManageKeysOf("Kenya Red Cross")).isTrue();
        assertThat(caller.mayManageKeysOf("Desk")).isFalse();
        assertThat(used).as("its use is reported, for its last-used time").containsExactly(made.keyId());
    }

    @Test
    void a_revoked_key_stays_revoked_even_if_an_older_copy_of_it_is_read_later() {
        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.ACTIVE, 2));
        NewKey made = issue("Kenya Red Cross", false);
        ApiKey key = directory.keyByDigest(made.digest()).orElseThrow();
        directory.apply(key.revoked("Desk", T0.plusSeconds(60)));
        directory.apply(key);

        assertThat(keys.find(made.key(), T0)).isInstanceOf(Refused.class);
        assertThat(((Refused) keys.find(made.key(), T0)).reason()).contains("revoked");
    }

    @Test
    void suspension_stops_directory_keys_and_keys_file_keys_and_reinstatement_brings_them_back() {
        directory.apply(organisation("Desk", OrganisationStatus.ACTIVE, 1));
        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.ACTIVE, 2));
        NewKey made = issue("Kenya Red Cross", false);

        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.SUSPENDED, 3));
        directory.apply(organisation("Desk", OrganisationStatus.SUSPENDED, 2));

        assertThat(keys.find(made.key(), T0)).isInstanceOf(Refused.class);
        assertThat(keys.find(FILE_KEY, T0)).isInstanceOf(Refused.class);

        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.ACTIVE, 4));
        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.SUSPENDED, 3));
        assertThat(known(made.key()).organization())
                .as("an older version read late does not undo a newer one")
                .isEqualTo("Kenya Red Cross");
    }

    @Test
    void a_pending_organisation_has_no_working_key_and_an_unknown_key_waits_for_the_directory_to_load() {
        directory.apply(organisation("Clinic", OrganisationStatus.PENDING, 1));
        NewKey made = issue("Clinic", false);
        assertThat(keys.find(made.key(), T0)).isInstanceOf(Refused.class);

        loaded.set(false);
        assertThat(keys.find("am_nobody-knows-this", T0)).isInstanceOf(NotReady.class);
        assertThat(known(FILE_KEY).organization())
                .as("the keys file answers at once")
                .isEqualTo("Desk");
        loaded.set(true);
        assertThat(keys.find("am_nobody-knows-this", T0)).isInstanceOf(Refused.class);
    }

    @Test
    void a_key_issued_a_moment_ago_elsewhere_works_at_its_first_use_once_the_directory_has_caught_up() {
        directory.apply(organisation("Kenya Red Cross", OrganisationStatus.ACTIVE, 2));
        NewKey made = NewKey.generate();
        // the key is on the topic but not yet read here: the lookup catches up before it refuses
        arriving.add(() -> directory.apply(new ApiKey(
                made.keyId(),
                "Kenya Red Cross",
                made.digest(),
                made.prefix(),
                null,
                false,
                "Desk",
                T0,
                null,
                null,
                T0,
                ApiKey.CURRENT_SCHEMA_VERSION)));

        assertThat(known(made.key()).keyId()).isEqualTo(made.keyId());
    }

    @Test
    void new_keys_are_long_random_and_listed_by_a_prefix_of_themselves() {
        NewKey one = NewKey.generate();
        NewKey two = NewKey.generate();
        assertThat(one.key()).startsWith("am_").hasSize(46).startsWith(one.prefix());
        assertThat(one.key()).isNotEqualTo(two.key());
        assertThat(one.keyId()).isNotEqualTo(two.keyId());
        assertThat(one.digest()).isEqualTo(ApiKeys.sha256(one.key()));
    }

    private Caller known(String key) {
        KeyCallers.Lookup lookup = keys.find(key, T0);
        assertThat(lookup).isInstanceOf(Known.class);
        return ((Known) lookup).caller();
    }

    private NewKey issue(String organisation, boolean admin) {
        NewKey made = NewKey.generate();
        directory.apply(new ApiKey(
                made.keyId(),
                organisation,
                made.digest(),
                made.prefix(),
                null,
                admin,
                "Desk",
                T0,
                null,
                null,
                T0,
                ApiKey.CURRENT_SCHEMA_VERSION));
        return made;
    }

    private static Organisation organisation(String name, OrganisationStatus status, long version) {
        return new Organisation(
                name,
                "KE",
                OrganisationType.NGO,
                "desk@example.org",
                Set.of(name.equals("Desk") ? Role.COORDINATOR : Role.DONOR),
                status,
                "Desk",
                T0,
                List.of(new OrganisationDecision(Step.REGISTERED, "Desk", T0, null)),
                version,
                T0,
                Organisation.CURRENT_SCHEMA_VERSION);
    }
}
