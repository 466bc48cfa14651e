package com.leadledger.console.web;

import com.leadledger.console.ConsolePaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

import java.util.List;

/**
 * A console path that none of the console's controllers answered (no such page, a method a page does not take) gets
 * its status and the console's error page, as a page's own failure does ({@link ApiRefusals}), not the problem+json
 * the application answers its API's clients with.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new OutsideTheConsolesControllers());
    }

    private static final class OutsideTheConsolesControllers extends DefaultHandlerExceptionResolver {

        @Override
        protected boolean shouldApplyTo(HttpServletRequest request, Object handler) {
            boolean consoleController = handler instanceof HandlerMethod method
                    && method.getBeanType().getPackageName().startsWith("com.leadledger.console");
            return ConsolePaths.isConsole(request) && !consoleController;
        }
    }
}
