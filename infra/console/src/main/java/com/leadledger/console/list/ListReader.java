package com.leadledger.console.list;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads the page of a list the URL asks for: its {@code page} and {@code size} (as typed: the API judges them) and
 * the list's filters, passed on to the API. The page's model gets its {@code paging}; a value the API refuses (400)
 * gets its problem as {@code listProblem}, shown next to the form, and the page answers 400 with no rows.
 */
@Component
public class ListReader {

    private final LeadLedgerApi api;

    ListReader(LeadLedgerApi api) {
        this.api = api;
    }

    /**
     * @param path        the API's list endpoint
     * @param filters     its filters and sort by parameter name; null or blank values are left out
     * @param defaultSize the page size when the URL names none
     */
    public <T> List<T> read(String path, Map<String, String> filters, ParameterizedTypeReference<Page<T>> type,
                            int defaultSize, HttpServletRequest request, HttpServletResponse response, Model model) {
        StringJoiner query = new StringJoiner("&", path + "?", "");
        List<Object> values = new ArrayList<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name + "={v" + values.size() + "}");
                values.add(value.strip());
            }
        });
        query.add("page={v" + values.size() + "}");
        values.add(orDefault(request.getParameter("page"), "0"));
        query.add("size={v" + values.size() + "}");
        values.add(orDefault(request.getParameter("size"), Integer.toString(defaultSize)));
        try {
            Page<T> shown = api.read(query.toString(), type, values.toArray());
            model.addAttribute("paging", Paging.of(request.getRequestURI(), request.getParameterMap(), shown));
            return shown.items();
        } catch (ApiProblem refused) {
            if (refused.problem().status() != 400) {
                throw refused;
            }
            response.setStatus(400);
            model.addAttribute("listProblem", refused.problem());
            return List.of();
        }
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
