package org.aidmatch.service;

import org.aidmatch.service.kafka.KafkaWiring;
import org.aidmatch.service.security.ApiSecurity;
import org.aidmatch.service.web.ProblemHandlers;
import org.aidmatch.service.web.StrictJson;
import org.aidmatch.service.web.SupplyTypesController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Import;

/** What every AidMatch service gets by depending on this module. */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@Import({KafkaWiring.class, ProblemHandlers.class, StrictJson.class, SupplyTypesController.class, ApiSecurity.class})
public class AidServiceAutoConfiguration {}
