package com.leadledger.query.policy;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Keeps {@code policy_view}: one row per published version, written once. */
@Component
class PolicyProjection extends ViewProjection<PolicyView> {

    PolicyProjection(PolicyViewRepository policies) {
        super("policy_view", PolicyView.PROJECTOR, policies::addAll, policies::copyAll);
    }
}
