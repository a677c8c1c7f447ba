package org.qingdan.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qingdan.support.web.Problems;
import org.qingdan.support.web.TraceIds;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 raised inside the security filter chain, as problem documents like every other error. */
public final class ProblemSecurityHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            write(response, 401, "unauthenticated", "未登录或登录已失效", "缺少有效的访问令牌，或令牌已失效");
        };
    }

    public static AccessDeniedHandler accessDeniedHandler() {
        return (request, response, e) -> write(response, 403, "forbidden", "无权访问", "当前用户无权执行此操作");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        String traceId = TraceIds.current();
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private ProblemSecurityHandlers() {
    }
}
