package org.aidmatch.service;

import org.aidmatch.service.catalogue.CatalogueWiring;
import org.aidmatch.service.directory.DirectoryWiring;
import org.aidmatch.service.kafka.KafkaWiring;
import org.aidmatch.service.problem.ContainerProblems;
import org.aidmatch.service.problem.ProblemHandlers;
import org.aidmatch.service.problem.ProblemWriter;
import org.aidmatch.service.security.ApiSecurity;
import org.aidmatch.service.web.ApiDocs;
import org.aidmatch.service.web.AreasController;
import org.aidmatch.service.web.BodySizeLimit;
import org.aidmatch.service.web.CallerController;
import org.aidmatch.service.web.StrictJson;
import org.aidmatch.service.web.SupplyTypesController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** What every AidMatch service gets by depending on this module. */
@AutoConfiguration(before = {KafkaAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@Import({
    KafkaWiring.class,
    DirectoryWiring.class,
    CatalogueWiring.class,
    ProblemHandlers.class,
    ContainerProblems.class,
    StrictJson.class,
    SupplyTypesController.class,
    AreasController.class,
    CallerController.class,
    ApiDocs.class,
    ApiSecurity.class
})
public class AidServiceAutoConfiguration {

    /** First of all filters, so that no oversized body is read by anything. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(JsonMapper json) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
