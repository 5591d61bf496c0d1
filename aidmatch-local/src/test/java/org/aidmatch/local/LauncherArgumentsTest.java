package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

    @Test
    void an_organisation_runs_it_with_its_own_keys_ports_and_spring_properties() {
        LauncherArguments arguments = LauncherArguments.parse(
                "--api-keys-file=/etc/aidmatch/keys.csv",
                "--data-dir=/var/lib/aidmatch",
                "--kafka-port=29092",
                "--matcher-port=9080",
                "--aidmatch.topics.replication-factor=3",
                "--spring.kafka.properties.security.protocol=SSL");

        assertThat(arguments.brokerOnly()).isFalse();
        assertThat(arguments.help()).isFalse();
        assertThat(arguments.settings().apiKeysFile())
                .isEqualTo(Path.of("/etc/aidmatch/keys.csv").toString());
        assertThat(arguments.settings().dataDir()).isEqualTo(Path.of("/var/lib/aidmatch"));
        assertThat(arguments.settings().kafkaPort()).isEqualTo(29092);
        assertThat(arguments.settings().controllerPort()).isEqualTo(29093);
        assertThat(arguments.settings().matcherPort()).isEqualTo(9080);
        assertThat(arguments.settings().requestPort()).isEqualTo(8081);
        assertThat(arguments.serviceProperties())
                .containsExactly(
                        "--aidmatch.topics.replication-factor=3", "--spring.kafka.properties.security.protocol=SSL");
    }

    @Test
    void without_arguments_it_is_the_demo_on_the_usual_ports() {
        LauncherArguments arguments = LauncherArguments.parse();

        assertThat(arguments.settings()).isEqualTo(LocalSettings.defaults());
        assertThat(arguments.settings().apiKeysFile()).isEqualTo(LocalSettings.DEMO_KEYS);
        assertThat(arguments.serviceProperties()).isEmpty();
        assertThat(LauncherArguments.parse("broker", "--help").brokerOnly()).isTrue();
        assertThat(LauncherArguments.parse("--help").help()).isTrue();
        assertThat(LauncherArguments.parse("--aidmatch.security.api-keys-file=keys.csv")
                        .settings()
                        .apiKeysFile())
                .as("the services' own property name is the option")
                .isEqualTo("keys.csv");
        assertThat(LauncherArguments.USAGE).contains("--api-keys-file=FILE", "--help", "--name=value");
    }

    @Test
    void what_it_cannot_use_is_refused_with_the_reason() {
        assertThatThrownBy(() -> LauncherArguments.parse("--kafka-port=http")).hasMessageContaining("port number");
        assertThatThrownBy(() -> LauncherArguments.parse("--api-keys-file=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LauncherArguments.parse("--verbose")).hasMessageContaining("Unknown argument");
        assertThatThrownBy(() -> LauncherArguments.parse("-Dx=y")).hasMessageContaining("Unknown argument");
        assertThatThrownBy(() -> LauncherArguments.parse("--server.port=1"))
                .hasMessageContaining("sets server.port itself");
    }
}
