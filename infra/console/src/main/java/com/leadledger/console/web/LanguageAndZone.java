package com.leadledger.console.web;

import com.leadledger.console.ConsolePaths;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.util.WebUtils;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The user's language and time zone. The language comes from {@code Accept-Language} until the user picks one with
 * the switch ({@code ?lang=ru|en}, kept in the session); the time zone from the browser ({@code zone.js} writes it to
 * a cookie), the policy's Europe/Moscow until it is known.
 */
@Configuration(proxyBeanMethods = false)
class LanguageAndZone implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));
    static final String ZONE_COOKIE = "console-zone";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    /** The console's pages only; the rest of the application keeps Spring Boot's {@code Accept-Language} resolver. */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(LanguageAndZone::fromAcceptLanguage);
        resolver.setDefaultTimeZoneFunction(LanguageAndZone::fromZoneCookie);
        return new OnConsolePaths(resolver, new AcceptHeaderLocaleResolver());
    }

    static Locale fromAcceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // fall through to English
            }
        }
        return Locale.ENGLISH;
    }

    static TimeZone fromZoneCookie(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, ZONE_COOKIE);
        if (cookie != null) {
            try {
                return TimeZone.getTimeZone(ZoneId.of(cookie.getValue()));
            } catch (DateTimeException unknown) {
                // the default below
            }
        }
        return TimeZone.getTimeZone(DEFAULT_ZONE);
    }

    /** The console's stylesheet and script, under its own path. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/static/**").addResourceLocations("classpath:/static/console/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new OnlySupportedLanguages()).addPathPatterns("/console/**");
        registry.addInterceptor(language).addPathPatterns("/console/**");
    }

    /** A {@code lang} outside ru/en is dropped before the locale interceptor sees it. */
    private static final class OnlySupportedLanguages implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null && SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return false;
            }
            return true;
        }
    }

    /** The console's resolver for its pages, another for everything else the application serves. */
    private record OnConsolePaths(LocaleContextResolver console, LocaleResolver elsewhere)
            implements LocaleContextResolver {

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            return ConsolePaths.isConsole(request) ? console.resolveLocaleContext(request)
                    : () -> elsewhere.resolveLocale(request);
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                                     LocaleContext localeContext) {
            if (ConsolePaths.isConsole(request)) {
                console.setLocaleContext(request, response, localeContext);
            } else {
                elsewhere.setLocale(request, response, localeContext == null ? null : localeContext.getLocale());
            }
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return (ConsolePaths.isConsole(request) ? console : elsewhere).resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            (ConsolePaths.isConsole(request) ? console : elsewhere).setLocale(request, response, locale);
        }
    }
}
