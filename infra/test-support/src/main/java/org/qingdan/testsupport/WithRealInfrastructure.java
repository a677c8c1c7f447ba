package org.qingdan.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put on a {@code @SpringBootTest}: the context talks to the real Kafka broker, MongoDB wire server and
 * OIDC issuer shared by the whole test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public @interface WithRealInfrastructure {
}
