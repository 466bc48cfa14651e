/**
 * The fairness reports as pages: each report's figures in an accessible table and its headline figure as a bar chart
 * drawn on the server as SVG (no script), for staff and auditors.
 */
package com.leadledger.console.report;
