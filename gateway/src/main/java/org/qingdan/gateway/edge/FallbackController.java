package org.qingdan.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a route's circuit breaker answers while its service is down or failing: a 503 problem document, or, to a
 * browser navigating to a page (it asks for text/html), a short page in Chinese and English saying to try again.
 */
@RestController
public class FallbackController {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>服务暂不可用 · Service unavailable</title></head>
            <body><main>
            <h1>服务暂不可用</h1>
            <p>系统的一部分暂时无法处理请求，您的数据不受影响。请约 30 秒后刷新页面重试；如果问题持续，请联系专委会办公室。</p>
            <p><a href="%1$s">%2$s</a></p>
            <hr>
            <h2 lang="en">Service unavailable</h2>
            <p lang="en">Part of the system cannot handle requests just now; your data is not affected. Please reload the page in about
            30 seconds; if it persists, contact the committee's office.</p>
            <p lang="en"><a href="%1$s">%3$s</a></p>
            </main></body></html>
            """;

    @RequestMapping("/fallback/{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        if (wantsPage(exchange.getRequest().getHeaders().getAccept())) {
            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            DataBuffer body = exchange.getResponse().bufferFactory().wrap(page(service).getBytes(StandardCharsets.UTF_8));
            return exchange.getResponse().writeWith(Mono.just(body));
        }
        return ProblemResponses.write(exchange.getResponse(), 503, "service-unavailable", "服务暂不可用",
                service + " 暂时无法处理请求，请稍后重试");
    }

    /** The page, leading back to the start page of the web UI the browser was in: the applicant portal's, or the reviewer UI's. */
    static String page(String service) {
        return "application-service".equals(service) ? PAGE.formatted("/portal/", "返回申报门户首页", "Back to the applicant portal")
                : PAGE.formatted("/review/", "返回评审首页", "Back to the reviewer start page");
    }

    /** A browser's navigation names text/html; API clients ask for JSON or for anything. */
    static boolean wantsPage(List<MediaType> accept) {
        return accept.stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("html"));
    }
}
