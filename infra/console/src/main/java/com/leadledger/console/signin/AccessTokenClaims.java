package com.leadledger.console.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes {@code roles} and {@code partner_id} from the access token, the token the API authorizes on, when it is a
 * JWT (the ID token's claims otherwise). The token came straight from the provider's token endpoint; the API verifies
 * its signature on every call, the console only decides what to offer with these claims.
 */
final class AccessTokenClaims implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Map<String, Object> claims = new HashMap<>(user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims());
        claims.put("sub", user.getSubject());
        copyApiClaims(user.getClaims(), claims);
        accessTokenClaims(request.getAccessToken().getTokenValue()).ifPresent(token -> copyApiClaims(token, claims));
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        Object roles = claims.get(ConsoleUsers.ROLES_CLAIM);
        if (roles instanceof List<?> names) {
            names.forEach(name -> authorities.add(new SimpleGrantedAuthority("ROLE_" + name)));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(claims));
    }

    private static void copyApiClaims(Map<String, Object> from, Map<String, Object> into) {
        for (String claim : List.of(ConsoleUsers.ROLES_CLAIM, ConsoleUsers.PARTNER_ID_CLAIM)) {
            if (from.get(claim) != null) {
                into.put(claim, from.get(claim));
            }
        }
    }

    private static Optional<Map<String, Object>> accessTokenClaims(String token) {
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            return java.util.Optional.of(claims.getClaims());
        } catch (ParseException opaque) {
            return java.util.Optional.empty(); // an opaque access token: the ID token's claims stand
        }
    }
}
