package org.qingdan.gateway.edge;

import java.net.URI;
import java.time.Duration;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Routes to {@code lb://<service>} (several instances of a service behind this gateway without a platform
 * load balancer: the devstack's {@code DEVSTACK_INSTANCES=2}) go only to instances that answer healthy. Each
 * instance is asked on its actuator, which listens on a management port of its own that the instance list
 * names in the instance's metadata ({@code management-port}); without it, on the instance's own port.
 * Asked every {@code spring.cloud.loadbalancer.health-check.interval}: an instance killed outright stops
 * getting requests within that interval instead of getting every other one until the circuit breaker opens
 * for the whole service. On Kubernetes the routes stay {@code http://} to each Service, whose endpoints
 * follow the pods' readiness probes; this is then never used.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthyInstances.class)
public class InstanceReadiness {

    static final String MANAGEMENT_PORT = "management-port";

    /** The instance URL at which its health answers. */
    static URI healthOf(ServiceInstance instance) {
        String managementPort = instance.getMetadata() == null ? null : instance.getMetadata().get(MANAGEMENT_PORT);
        int port = managementPort == null ? instance.getPort() : Integer.parseInt(managementPort);
        return URI.create(instance.getScheme() + "://" + instance.getHost() + ":" + port + "/actuator/health");
    }
}

/**
 * The instance list of each load-balanced service, in the load balancer's context of that service (never
 * in the application's: no {@code @Configuration}, and not a member class, which Spring would register there).
 */
class HealthyInstances {

    @Bean
    ServiceInstanceListSupplier healthyInstances(ConfigurableApplicationContext context) {
        WebClient web = WebClient.create();
        return ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .with((ctx, delegate) -> new HealthCheckServiceInstanceListSupplier(delegate, ctx.getBean(LoadBalancerClientFactory.class),
                        (instance, ignoredPath) -> web.get().uri(InstanceReadiness.healthOf(instance)).exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value() == 200))
                                .timeout(Duration.ofSeconds(2)).onErrorReturn(false)))
                .build(context);
    }
}
