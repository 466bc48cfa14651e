package com.leadledger.events.registration;

public enum RejectionReason { ALREADY_REGISTERED, INELIGIBLE, INSUFFICIENT_INFORMATION, EXISTING_VENDOR_DEAL, OTHER }
