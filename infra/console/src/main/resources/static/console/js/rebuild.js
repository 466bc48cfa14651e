// Follows a projection rebuild: polls the console's progress.json (which reads the query service's progress link)
// every second while the rebuild runs, and updates the progress bar and the figures.
(function () {
    const section = document.getElementById('rebuild');
    if (!section) {
        return;
    }
    const url = section.dataset.progressUrl;
    const running = state => state === 'REPLAYING' || state === 'SWAPPING';
    // the state in the page's language: data-label-replaying, -swapping, -done, -failed
    const label = state => section.dataset['label' + state.charAt(0) + state.slice(1).toLowerCase()] || state;
    function show(rebuild) {
        const bar = document.getElementById('rebuild-progress');
        bar.max = Math.max(rebuild.eventsTotal, 1);
        bar.value = rebuild.eventsDone;
        document.getElementById('rebuild-state').textContent = label(rebuild.state);
        document.getElementById('rebuild-done').textContent = rebuild.eventsDone;
        document.getElementById('rebuild-total').textContent = rebuild.eventsTotal;
        document.getElementById('rebuild-error').textContent = rebuild.error || '';
        section.dataset.state = rebuild.state;
    }
    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(response => response.ok ? response.json() : Promise.reject(response.status))
            .then(rebuild => {
                show(rebuild);
                if (running(rebuild.state)) {
                    setTimeout(poll, 1000);
                }
            })
            .catch(() => setTimeout(poll, 3000));
    }
    if (running(section.dataset.state)) {
        setTimeout(poll, 1000);
    }
})();
