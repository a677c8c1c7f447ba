package org.qingdan.gateway.edge;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What a route's circuit breaker answers while its service is down or failing: a 503 problem document. */
@RestController
public class FallbackController {

    @RequestMapping("/fallback/{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        return ProblemResponses.write(exchange.getResponse(), 503, "service-unavailable", "服务暂不可用",
                service + " 暂时无法处理请求，请稍后重试");
    }
}
