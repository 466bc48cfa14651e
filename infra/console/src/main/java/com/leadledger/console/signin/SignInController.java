package com.leadledger.console.signin;

import com.leadledger.console.ConsoleProperties;
import com.leadledger.localruntime.DemoIdentity;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The sign-in page: the demo identities (local profile) and the organisation's provider (when configured). */
@Controller
class SignInController {

    private final boolean local;
    private final boolean oidc;

    SignInController(Environment environment, ConsoleProperties properties) {
        this.local = environment.acceptsProfiles(Profiles.of("local"));
        this.oidc = properties.oidc().configured();
    }

    @GetMapping(SecurityConfiguration.SIGN_IN)
    String signIn(Model model) {
        model.addAttribute("identities", local ? List.of(DemoIdentity.values()) : List.of());
        model.addAttribute("oidcUrl", oidc
                ? SecurityConfiguration.AUTHORIZATION_BASE + "/" + OidcConfiguration.REGISTRATION_ID : null);
        return "sign-in";
    }
}
