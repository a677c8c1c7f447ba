package org.qingdan.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes every request header a client could use to claim an identity, a role or an organisation
 * before the request goes on: who someone is comes from the verified token and nothing else.
 */
@Component
public class IdentityHeaderStripper implements GlobalFilter, Ordered {

    static final Pattern CLAIMING = Pattern.compile(
            "^(x-user.*|x-org.*|x-roles?|x-tenant.*|x-auth.*|x-forwarded-user|x-remote-user|remote-user|x-principal.*|x-uscc)$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        List<String> claiming = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(name -> CLAIMING.matcher(name.toLowerCase(Locale.ROOT)).matches()).toList();
        if (claiming.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> claiming.forEach(h::remove))).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
