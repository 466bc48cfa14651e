package com.leadledger.command.partner;

import java.util.List;

/** Read-only port: a partner's current e-mail contacts, in the order the partner gave them (none when unknown). */
public interface PartnerContacts {

    List<ChangePartnerContacts.Contact> of(String partnerId);
}
