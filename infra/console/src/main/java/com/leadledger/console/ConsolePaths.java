package com.leadledger.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are the console's, inside an application that serves other things too: its pages under
 * {@code /console}, and the container's error page for one of them (whose own path is {@code /error}).
 */
public final class ConsolePaths {

    public static final String ROOT = "/console";

    private ConsolePaths() {
    }

    public static boolean isConsole(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = request.getDispatcherType() == DispatcherType.ERROR && failed instanceof String page
                ? page : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }
}
