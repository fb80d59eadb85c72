package dev.slipway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Slipway. It sits in the root package so that the backend's features and the UI's views are all
 * found by component scanning.
 */
@SpringBootApplication
public class SlipwayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlipwayApplication.class, args);
    }
}
