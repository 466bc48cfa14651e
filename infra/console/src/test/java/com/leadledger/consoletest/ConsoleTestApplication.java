package com.leadledger.consoletest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The console on its own, for the console module's tests of its pages' headers and sessions: an application with the
 * console on its class path and nothing else of its own (the query service serves it in production; the browser tests
 * run that). Outside the console's packages, so that its configuration comes in as it does into the query service.
 */
@SpringBootApplication
public class ConsoleTestApplication {
}
