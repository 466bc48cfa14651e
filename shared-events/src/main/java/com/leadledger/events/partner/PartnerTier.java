package com.leadledger.events.partner;

public enum PartnerTier { REGISTERED, SILVER, GOLD, PLATINUM }
