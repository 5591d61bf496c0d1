package org.aidmatch.service.problem;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json for the errors no controller advice sees: Tomcat's own (malformed URLs), Spring
 * Security's firewall (path traversal, {@code //}, {@code ;} in the path), and anything sent to
 * the error page.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemErrorController.class)
public class ContainerProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The firewall refuses before any authentication, so this answers the same to everyone. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        return (request, response, rejected) -> problems.write(
                response,
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "The request's path is not acceptable (encoded or repeated separators, dot segments or "
                        + "parameters in the path are refused).",
                null);
    }
}
