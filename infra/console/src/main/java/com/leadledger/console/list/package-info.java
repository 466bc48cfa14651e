/**
 * What every list page shares: the page asked for in the URL passed on to the API ({@code page}, {@code size} and
 * the list's own filters and sort, exactly as the API takes them), the paging controls' model, and the model of the
 * filter and sort form. The API judges every value; its refusal is shown next to the form.
 */
package com.leadledger.console.list;
