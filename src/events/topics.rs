//! Topics: for each event, the name its sentences share most with other events'
//! ("Huawei", "Airbus"), for lanes by topic. The names are read here, in the
//! events layer, so that layout only groups what it is given.

use std::collections::HashMap;

use crate::timeline::Event;

/// The topic of events that share no name with the chosen topics.
pub const OTHER: &str = "Other topics";

/// Each event's topic: its most shared name (ties: alphabetical, so it is stable),
/// among the `max` topics that hold the most events; the rest are [`OTHER`].
pub fn of_events(events: &[Event], max: usize) -> Vec<String> {
    // How many events name each word.
    let mut freq: HashMap<&str, usize> = HashMap::new();
    let per_event: Vec<Vec<&str>> = events
        .iter()
        .map(|e| {
            let mut ns: Vec<&str> = e.mentions.iter().flat_map(|m| names_in(&m.sentence)).collect();
            ns.sort_unstable();
            ns.dedup();
            ns
        })
        .collect();
    for ns in &per_event {
        for n in ns {
            *freq.entry(n).or_default() += 1;
        }
    }
    // Each event's topic: its most shared name (ties: alphabetical, so it is stable).
    let topic: Vec<Option<&str>> =
        per_event.iter().map(|ns| ns.iter().copied().filter(|n| freq[n] >= 2).max_by_key(|n| (freq[n], std::cmp::Reverse(*n)))).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for t in topic.iter().flatten() {
        *count.entry(t).or_default() += 1;
    }
    let mut top: Vec<(&str, usize)> = count.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kept: Vec<&str> = top.iter().take(max).map(|(t, _)| *t).collect();
    topic.iter().map(|t| t.filter(|t| kept.contains(t)).map_or_else(|| OTHER.to_string(), str::to_string)).collect()
}

/// Names in a sentence: capitalised words other than the first, not calendar words.
pub fn names_in(sentence: &str) -> impl Iterator<Item = &str> {
    const CALENDAR: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "This",
        "That",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        // Time zones, agencies and the generic heads of names, which say little of a topic.
        "UTC",
        "GMT",
        "EST",
        "EDT",
        "CST",
        "PST",
        "PDT",
        "BST",
        "CET",
        "Reuters",
        "AFP",
        "Airlines",
        "Airways",
        "Airport",
        "International",
        "Group",
        "Company",
        "Corp",
        "Inc",
        "Ltd",
        "News",
        "University",
        "American",
        "European",
        "British",
        "President",
        "Minister",
    ];
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase) && !CALENDAR.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_leave_out_the_first_word_and_calendar_words() {
        let names: Vec<&str> = names_in("The Airbus A380 landed in Sydney on Monday, Reuters said.").collect();
        assert_eq!(names, ["Airbus", "A380", "Sydney"]);
    }
}
