package com.leadledger.console.signin;

import com.leadledger.console.ConsoleProperties;
import com.leadledger.localruntime.DemoIdentity;
import com.leadledger.localruntime.DevTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/**
 * Local profile only: signs in as one of the launcher's demo identities with a dev token minted as the launcher mints
 * it. The token stays in the HTTP session (the authentication's credentials), never in the page.
 */
@Controller
@Profile("local")
class DemoSignInController {

    private final String secret;
    private final SecurityContextRepository contexts;

    DemoSignInController(ConsoleProperties properties, SecurityContextRepository contexts) {
        this.secret = properties.devJwtSecret() == null || properties.devJwtSecret().isBlank()
                ? DevTokens.DEFAULT_SECRET : properties.devJwtSecret();
        this.contexts = contexts;
    }

    @PostMapping(SecurityConfiguration.SIGN_IN + "/demo")
    String signIn(@RequestParam DemoIdentity identity, HttpServletRequest request, HttpServletResponse response) {
        String token = identity.mint(secret, DevTokens.DEFAULT_TTL);
        ConsoleUser user = new ConsoleUser(identity.subject(), identity.subject(), Set.copyOf(identity.roles()),
                identity.partnerId());
        var authorities = identity.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, token, authorities));
        request.getSession(true);
        request.changeSessionId(); // no session fixation across the sign-in
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/console/";
    }
}
