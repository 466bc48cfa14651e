package com.leadledger.console.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Paste or upload a receipt and see it verified against the published keys (anyone signed in may check one). */
@Controller
@RequestMapping("/console/audit/receipt")
class ReceiptCheckController {

    /** A receipt is a few hundred bytes; a submission's whole answer a few more. */
    private static final long LARGEST_FILE = 64 * 1024;

    private final ReceiptVerifier verifier;

    ReceiptCheckController(ReceiptVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping
    String form() {
        return "audit-receipt";
    }

    @PostMapping
    String check(@RequestParam(required = false) String receipt, @RequestParam(required = false) MultipartFile file,
                 Model model) throws IOException {
        String text = receipt;
        if (file != null && !file.isEmpty() && file.getSize() <= LARGEST_FILE) {
            text = new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        model.addAttribute("receipt", text);
        model.addAttribute("verdict", verifier.verify(text));
        return "audit-receipt";
    }
}
