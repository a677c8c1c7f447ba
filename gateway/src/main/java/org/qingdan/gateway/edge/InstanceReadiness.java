package org.qingdan.gateway.edge;

import java.net.URI;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Routes to {@code lb://<service>} (several instances of a service behind this gateway without a platform
 * load balancer: the devstack's {@code DEVSTACK_INSTANCES=2}) go only to instances that answer healthy. Each
 * instance is asked on its actuator, which listens on a management port of its own that the instance list
 * names in the instance's metadata ({@code management-port}); without it, on the instance's own port.
 * Asked every {@code spring.cloud.loadbalancer.health-check.interval}, which is also how long an answer may take: an instance killed outright stops
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
        // not getScheme(): null for an instance of the simple discovery client's list
        return URI.create((instance.isSecure() ? "https" : "http") + "://" + instance.getHost() + ":" + port + "/actuator/health");
    }
}

/**
 * The instance list of each load-balanced service, in the load balancer's context of that service (never
 * in the application's: no {@code @Configuration}, and not a member class, which Spring would register there).
 */
class HealthyInstances {

    @Bean
    ServiceInstanceListSupplier readyInstanceList(ConfigurableApplicationContext context) {
        WebClient web = WebClient.create();
        return ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .with((ctx, delegate) -> new AliveOrAll(delegate, new HealthCheckServiceInstanceListSupplier(delegate,
                        ctx.getBean(LoadBalancerClientFactory.class), (instance, ignoredPath) -> web.get().uri(InstanceReadiness.healthOf(instance))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value() == 200))
                        .onErrorReturn(false))))
                .build(context);
    }
}

/**
 * The instances whose health answered in the last round; all of them when none did (a round that timed out on a
 * busy machine, or the first requests before the first round): then a dead instance costs a refused connection
 * (GETs are retried on another), where an empty list would answer 503 for the whole service and open its breaker.
 */
final class AliveOrAll implements ServiceInstanceListSupplier, org.springframework.beans.factory.InitializingBean,
        org.springframework.beans.factory.DisposableBean {

    private final ServiceInstanceListSupplier all;
    private final HealthCheckServiceInstanceListSupplier alive;

    AliveOrAll(ServiceInstanceListSupplier all, HealthCheckServiceInstanceListSupplier alive) {
        this.all = all;
        this.alive = alive;
    }

    @Override
    public String getServiceId() {
        return all.getServiceId();
    }

    @Override
    public reactor.core.publisher.Flux<java.util.List<ServiceInstance>> get() {
        return alive.get().concatMap(instances -> instances.isEmpty() ? all.get().take(1) : reactor.core.publisher.Flux.just(instances));
    }

    /** Keeps the health checks running between requests (the health check supplier's own start). */
    @Override
    public void afterPropertiesSet() {
        alive.afterPropertiesSet();
    }

    @Override
    public void destroy() {
        alive.destroy();
    }
}
