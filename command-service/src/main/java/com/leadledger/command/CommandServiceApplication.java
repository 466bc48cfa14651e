package com.leadledger.command;

import com.leadledger.command.config.AxonUpdateChecker;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        AxonUpdateChecker.offUnlessOperatorDecided();
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
