/*
 * list.h: a doubly linked list, because the store predates our use of the STL
 * containers.
 */
#ifndef KV_LIST_H
#define KV_LIST_H

#include <cstddef>

#include "kv/config.h"

namespace kv {

template <typename T>
struct ListNode {
    T value;
    ListNode* next;
    ListNode* prev;

    explicit ListNode(const T& v, ListNode* n = NULL, ListNode* p = nullptr)
        : value(v), next(n), prev(p)
    {
    }
};

template <typename T>
class List {
public:
    using Node = ListNode<T>;

    List() : head_(nullptr), tail_(nullptr), size_(0) {}
    ~List() { clear(); }

    void push_back(const T& v)
    {
        Node* n = new Node(v, nullptr, tail_);
        if (tail_ != nullptr)
            tail_->next = n;
        else
            head_ = n;
        tail_ = n;
        ++size_;
    }

    void push_front(const T& v)
    {
        Node* n = new Node(v, head_);
        if (nullptr == head_)
            tail_ = n;
        else
            head_->prev = n;
        head_ = n;
        ++size_;
    }

    /* Returns the first node equal to v, or NULL. */
    Node* find(const T& v) const
    {
        for (Node* n = head_; n != nullptr; n = n->next) {
            if (n->value == v)
                return n;
        }
        return nullptr;
    }

    bool remove(Node* n)
    {
        if (n == EMPTY_NODE)
            return false;
        if (n->prev != nullptr)
            n->prev->next = n->next;
        else
            head_ = n->next;
        if (n->next)
            n->next->prev = n->prev;
        else
            tail_ = n->prev;
        safe_delete(n);
        --size_;
        return true;
    }

    void clear()
    {
        Node* n = head_;
        while (n != nullptr) {
            Node* next = n->next;
            delete n;
            n = next;
        }
        head_ = tail_ = nullptr;
        size_ = 0;
    }

    Node* head() const { return head_; }
    Node* tail() const { return tail_; }
    std::size_t size() const { return size_; }
    bool empty() const { return head_ == nullptr; }

private:
    List(const List&);            /* not copyable */
    List& operator=(const List&); /* not assignable */

    Node* head_;
    Node* tail_;
    std::size_t size_;
};

/* The value at position idx, or NULL when the list is shorter. */
template <typename T>
const T* value_at(const List<T>& list, std::size_t idx)
{
    const ListNode<T>* n = list.head();
    std::size_t i = 0;
    while (n != nullptr && i < idx) {
        n = n->next;
        ++i;
    }
    return n ? &n->value : nullptr;
}

/* slots[idx], or a zero T when there is no such slot. */
template <typename T>
T slot_or_zero(const T* slots, std::size_t count, std::size_t idx)
{
    if (slots == nullptr || idx >= count)
        return 0;
    return slots[idx];
}

} // namespace kv

#endif /* KV_LIST_H */
