package org.qingdan.listing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** listing-service (清单发布服务). */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class ListingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ListingServiceApplication.class, args);
    }
}
