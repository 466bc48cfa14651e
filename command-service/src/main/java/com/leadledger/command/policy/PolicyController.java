package com.leadledger.command.policy;

import com.leadledger.kit.problem.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

    private final PolicyVersions versions;

    PolicyController(PolicyVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/current")
    PublishedPolicy current() {
        return versions.current().orElseThrow(() -> ApiException.notFound("policy"));
    }

    @GetMapping("/{version}")
    PublishedPolicy version(@PathVariable long version) {
        return versions.find(version).orElseThrow(() -> ApiException.notFound("policy version " + version));
    }
}
