/**
 * What every HTTP adapter of the command side shares: sending a command on behalf of the authenticated caller and the
 * request-body pieces several endpoints use. Nothing here decides; the rules live behind the command bus.
 */
package com.leadledger.command.web;
